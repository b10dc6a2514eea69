from greenlet import greenlet

ROUNDS = 5


def eat():
    for _ in range(ROUNDS):
        print("eat")
        drinker.switch()
    # Returning switches to the parent greenlet: the main one.


def drink():
    while True:
        print("drink")
        eater.switch()


eater = greenlet(eat)
drinker = greenlet(drink)
eater.switch()  # the first switch() starts eat()
print("back in main")
