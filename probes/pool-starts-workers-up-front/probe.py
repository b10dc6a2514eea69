# Pool(3) starts its three workers in its constructor, before any task is
# submitted, and then reuses them: ten tasks run in those three processes.
import multiprocessing
import os


def where():
    return os.getpid()


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    pool = multiprocessing.Pool(3)
    started = {child.pid for child in multiprocessing.active_children()}
    print(f"worker processes alive before any task: {len(started)}")
    ran_in = {pool.apply_async(where).get() for _ in range(10)}
    print(f"each of 10 tasks ran in one of those workers: {ran_in <= started}")
    print(f"worker processes alive after the tasks: {len(multiprocessing.active_children())}")
    pool.close()
    pool.join()
