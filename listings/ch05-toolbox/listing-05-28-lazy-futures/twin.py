import asyncio


async def greet(name):
    print(f"  greet({name}) runs")
    return f"hello, {name}"


async def main():
    print("call greet(a)")
    greeting = greet("a")
    print("greet(a) has returned, and printed nothing")
    print("await it")
    print(f"got: {await greeting}")

    print("call greet(b) and drop what it returns")
    # close() marks it finished; without it Python warns, when the object is
    # collected, that the coroutine was never awaited.
    greet("b").close()

    print("spawn greet(c)")
    task = asyncio.create_task(greet("c"))
    print("spawned; main has not yielded yet")
    await asyncio.sleep(0)
    print("main yielded once")
    print(f"got: {await task}")


asyncio.run(main())
