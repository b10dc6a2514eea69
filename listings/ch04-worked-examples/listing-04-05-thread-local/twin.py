import threading

thread_local = threading.local()


def process():
    print(thread_local.name)


def run(name, both_named, wait_for, then_signal):
    thread_local.name = name
    # Both threads have set their name before either prints: if they shared
    # one attribute, the second write would have replaced the first.
    both_named.wait()
    if wait_for is not None:
        wait_for.wait()
    process()
    if then_signal is not None:
        then_signal.set()


both_named = threading.Barrier(2)
jack_printed = threading.Event()
t1 = threading.Thread(target=run, args=("Jack", both_named, None, jack_printed))
t2 = threading.Thread(target=run, args=("Jim", both_named, jack_printed, None))
t1.start()
t2.start()
t1.join()
t2.join()
