import asyncio
import threading
import time


async def func(number):
    print("func%d begin: %s" % (number, threading.current_thread()))
    await asyncio.sleep(3)
    print("func%d end: %s" % (number, threading.current_thread()))


started = time.time()
loop = asyncio.new_event_loop()
tasks = [loop.create_task(func(number)) for number in (1, 2, 3)]
loop.run_until_complete(asyncio.wait(tasks))
loop.close()
print("耗时: %s" % (time.time() - started))
