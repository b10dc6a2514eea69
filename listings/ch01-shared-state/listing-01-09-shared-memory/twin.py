import multiprocessing

SLOTS = 6
ADDS_PER_CHILD = 1000


def work(counter, squares, parity):
    for index in range(SLOTS):
        if index % 2 == parity:
            squares[index] = index * index
    for _ in range(ADDS_PER_CHILD):
        # `+=` reads and then writes; the lock makes the pair indivisible.
        with counter.get_lock():
            counter.value += 1


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    counter = multiprocessing.Value("i", 0)
    squares = multiprocessing.Array("i", SLOTS)
    workers = [
        multiprocessing.Process(target=work, args=(counter, squares, parity))
        for parity in (0, 1)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(counter.value)
    print(squares[:])
