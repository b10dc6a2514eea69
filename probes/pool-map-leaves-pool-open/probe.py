# Does Pool.map close the pool, as a comment in the note says?
from multiprocessing import Pool


def square(n):
    return n * n


if __name__ == "__main__":
    pool = Pool(2)
    print("map:", pool.map(square, range(4)))
    print("apply after map:", pool.apply(square, (5,)))
    pool.close()
    try:
        pool.apply(square, (6,))
    except ValueError as error:
        print("apply after close: ValueError:", error)
    pool.join()
