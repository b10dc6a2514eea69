# Pool.apply is apply_async(...).get(): the worker's exception comes back
# and is raised again in the parent. An apply_async result that nobody calls
# get() on keeps its exception to itself.
import multiprocessing


def refuse(n):
    raise ValueError(f"refused {n}")


def square(n):
    return n * n


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    with multiprocessing.Pool(2) as pool:
        try:
            pool.apply(refuse, (1,))
        except ValueError as error:
            print(f"apply raised in the parent: {type(error).__name__}: {error}")

        ignored = pool.apply_async(refuse, (2,))
        ignored.wait()
        print(f"apply_async without get: done={ignored.ready()}, nothing raised")
        print(f"the pool goes on: square(7) = {pool.apply(square, (7,))}")
        try:
            ignored.get()
        except ValueError as error:
            print(f"get() on it raises: {type(error).__name__}: {error}")
