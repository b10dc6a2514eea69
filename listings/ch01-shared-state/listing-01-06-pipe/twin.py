import multiprocessing


def send_greeting(connection):
    connection.send(["Hello", "from", "the", "child"])
    connection.close()


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    receiving_end, sending_end = multiprocessing.Pipe()
    child = multiprocessing.Process(target=send_greeting, args=(sending_end,))
    child.start()
    print(receiving_end.recv())
    child.join()
