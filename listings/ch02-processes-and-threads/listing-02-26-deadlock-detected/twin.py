import threading
import time

PATIENCE = 1

mutexA = threading.Lock()
mutexB = threading.Lock()


def work(step, first, second, rendezvous, reports):
    name = threading.current_thread().name
    with first["lock"]:
        print(f"{name}----{step}---up----")
        rendezvous.wait()
        if second["lock"].acquire(timeout=PATIENCE):
            print(f"{name}----{step}---down----")
            second["lock"].release()
        else:
            reports.append(
                f"{name} holds {first['name']} and has waited {PATIENCE}s for {second['name']}"
            )
        rendezvous.wait()


if __name__ == "__main__":
    a = {"name": "mutexA", "lock": mutexA}
    b = {"name": "mutexB", "lock": mutexB}
    rendezvous = threading.Barrier(2)
    reports_1, reports_2 = [], []
    t1 = threading.Thread(target=work, args=("do1", a, b, rendezvous, reports_1), name="Thread-1")
    t2 = threading.Thread(target=work, args=("do2", b, a, rendezvous, reports_2), name="Thread-2")
    t1.start()
    time.sleep(0.5)
    try:
        t2.start()
    except BaseException:
        # Thread-1 would wait at the barrier for a partner that never came:
        # abort() makes its wait raise BrokenBarrierError instead.
        rendezvous.abort()
        raise
    t1.join()
    t2.join()
    for report in reports_1 + reports_2:
        print(f"deadlock: {report}")
