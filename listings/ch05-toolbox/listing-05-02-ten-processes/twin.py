import multiprocessing
import sys


def draw(stars):
    # One write per line: print() writes the text and the newline in two
    # calls, and another child's line can land between them.
    sys.stdout.write(stars * "*" + "\n")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    children = []
    for stars in range(1, 11):
        child = multiprocessing.Process(target=draw, args=(stars,))
        child.start()
        children.append(child)
    for child in children:
        child.join()
    print("over")
