import multiprocessing

PERMITS = 4
PATIENCE = 0.5


def try_fifth(semaphore):
    if semaphore.acquire(timeout=PATIENCE):
        print("child: took the released permit")
    else:
        print(f"child: no permit within {PATIENCE} s")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    semaphore = multiprocessing.Semaphore(PERMITS)
    for _ in range(PERMITS):
        semaphore.acquire()
    print(f"parent: took {PERMITS} of {PERMITS} permits")

    child = multiprocessing.Process(target=try_fifth, args=(semaphore,))
    child.start()
    child.join()

    semaphore.release()
    print("parent: released one permit")
    child = multiprocessing.Process(target=try_fifth, args=(semaphore,))
    child.start()
    child.join()
