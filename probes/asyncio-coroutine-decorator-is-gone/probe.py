# Note 003 says Python's coroutines are built on generators. Since Python
# 3.5, asyncio's coroutines are native (`async def`), and the decorator that
# turned a generator into an asyncio coroutine is gone.
import asyncio
import inspect
import sys


def consumer():
    n = yield "ready"
    print("consumed", n)


async def native():
    return "done"


print("python", ".".join(map(str, sys.version_info[:2])))
try:
    asyncio.coroutine
except AttributeError as error:
    print("asyncio.coroutine:", type(error).__name__ + ":", error)

generator = consumer()
print("a generator is a coroutine:", inspect.iscoroutine(generator))
generator.close()

coroutine = native()
print("an async def call is a coroutine:", inspect.iscoroutine(coroutine))
print("asyncio.run of it returns:", asyncio.run(coroutine))
