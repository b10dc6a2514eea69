import asyncio
import time


async def say_after():
    await asyncio.sleep(2)


async def main():
    started = time.perf_counter()
    task1 = asyncio.create_task(say_after())
    task2 = asyncio.create_task(say_after())

    await task1
    await task2
    print(f"took {time.perf_counter() - started:.2f} s")


asyncio.run(main())
