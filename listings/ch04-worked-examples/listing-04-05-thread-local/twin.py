import threading

thread_local = threading.local()


def process():
    print(thread_local.name)


def run(name, tell_named, wait_for, tell_printed):
    thread_local.name = name
    if tell_named is not None:
        tell_named.set()
    if wait_for is not None:
        wait_for.wait()
    process()
    if tell_printed is not None:
        tell_printed.set()


jim_named = threading.Event()
jack_printed = threading.Event()
# Jack prints once Jim's name is stored too: if the two threads shared one
# attribute, the second store would have replaced the first.
t1 = threading.Thread(target=run, args=("Jack", None, jim_named, jack_printed))
t2 = threading.Thread(target=run, args=("Jim", jim_named, jack_printed, None))
t1.start()
t2.start()
t1.join()
t2.join()
