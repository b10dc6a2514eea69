import time

PAUSE = 0.5
ROUNDS = 3


def repeat(word):
    while True:
        print(word)
        yield
        time.sleep(PAUSE)


eat = repeat("eat")
drink = repeat("drink")
for _ in range(ROUNDS):
    next(eat)
    next(drink)
