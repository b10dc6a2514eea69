# Note 003 says Python's coroutines are built on generators. Since Python
# 3.5, asyncio's coroutines are native (`async def`). The decorator that
# turned a generator into an asyncio coroutine, @asyncio.coroutine, is gone;
# types.coroutine, which lets an `async def` await a generator, remains, but
# from 3.12 asyncio no longer runs such a generator as a task of its own.
import asyncio
import inspect
import sys
import types


def consumer():
    n = yield "ready"
    print("consumed", n)


@types.coroutine
def pause():
    # A bare yield: the task awaiting it gives the event loop one turn.
    yield


async def native():
    await pause()
    await pause()
    return "done"


print("python", ".".join(map(str, sys.version_info[:2])))
try:
    asyncio.coroutine
except AttributeError as error:
    print("asyncio.coroutine:", type(error).__name__ + ":", error)

generator = consumer()
print("a generator is a coroutine:", inspect.iscoroutine(generator))
print("a generator is awaitable:", inspect.isawaitable(generator))
generator.close()

paused = pause()
print("a @types.coroutine generator is a coroutine:", inspect.iscoroutine(paused))
print("a @types.coroutine generator is awaitable:", inspect.isawaitable(paused))
paused.close()
# Awaitable, but no task of its own: asyncio.run wants a coroutine.
try:
    asyncio.run(pause())
    print("asyncio.run of a @types.coroutine generator itself: runs it")
except ValueError:
    print("asyncio.run of a @types.coroutine generator itself: ValueError")

coroutine = native()
print("an async def call is a coroutine:", inspect.iscoroutine(coroutine))
print("asyncio.run of it, awaiting the generator twice, returns:", asyncio.run(coroutine))
# What asyncio.sleep(0) awaits: a generator function marked by types.coroutine.
sleep0 = asyncio.tasks.__sleep0
marked = bool(sleep0.__code__.co_flags & inspect.CO_ITERABLE_COROUTINE)
print(
    "asyncio.sleep(0) awaits a @types.coroutine generator:",
    inspect.isgeneratorfunction(sleep0) and marked,
)
