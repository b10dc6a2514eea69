import multiprocessing
import os


def process(name, wait_for, then_signal):
    if wait_for is not None:
        wait_for.wait()
    # Written out before the signal: left in the buffer, the line would
    # wait for this child's exit, and the other child might flush first.
    print("Processing {} pid={}".format(name, os.getpid()), flush=True)
    if then_signal is not None:
        then_signal.set()


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    print("Main Processing pid={}".format(os.getpid()))
    # proc2 prints only after proc1 has, so the order is the same every run.
    proc1_done = multiprocessing.Event()
    p1 = multiprocessing.Process(target=process, args=("proc1", None, proc1_done))
    p2 = multiprocessing.Process(target=process, args=("proc2", proc1_done, None))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    print("Process end..")
