import asyncio

PERIOD = 0.5
FIRES = 6


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    for fire in range(1, FIRES + 1):
        # Sleep until a fixed deadline, not for a fixed time: no drift adds up.
        await asyncio.sleep(start + PERIOD * fire - loop.time())
        at = loop.time() - start
        late = max(0.0, at - PERIOD * fire)
        print(f"时间同步 at {at:.3f} s, {late * 1000:.1f} ms late")


asyncio.run(main())
