import threading

local_school = threading.local()


def process_student():
    student = local_school.student
    # One write for the line and its newline, which print writes separately.
    print(f"Hello, {student} (in {threading.current_thread().name})\n", end="")


def process_thread(name):
    local_school.student = name
    process_student()


if __name__ == "__main__":
    t1 = threading.Thread(target=process_thread, args=("dongGe",), name="Thread-A")
    t2 = threading.Thread(target=process_thread, args=("老王",), name="Thread-B")
    t1.start()
    t2.start()
    t1.join()
    t2.join()
