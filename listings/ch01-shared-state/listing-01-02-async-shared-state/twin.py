import asyncio
import time

a = "a"


class Holder:
    def __init__(self):
        self.value = 1

    async def run(self, name, seconds):
        global a
        # Blocking on purpose, like the note: the event loop waits too.
        time.sleep(seconds)
        print(name, a, self.value)
        self.value = name
        a = name


async def main():
    holder = Holder()
    tasks = [
        asyncio.create_task(holder.run("t1", 0)),
        asyncio.create_task(holder.run("t2", 1)),
    ]
    await asyncio.gather(*tasks)


if __name__ == "__main__":
    asyncio.run(main())
