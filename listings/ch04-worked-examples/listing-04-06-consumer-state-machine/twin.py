# The consumer written out as a class, the way the generator in the note
# works inside: it remembers where it is paused and runs on from there.


class Consumer:
    CREATED, PAUSED, FINISHED = range(3)

    def __init__(self):
        self.state = Consumer.CREATED

    def send(self, n):
        if self.state == Consumer.CREATED:
            if n is not None:
                raise TypeError("can't send non-None value to a just-started consumer")
            self.state = Consumer.PAUSED
            return ""
        if self.state == Consumer.PAUSED and n:
            print("[CONSUMER] Consuming %s..." % n)
            return "200 OK"
        self.state = Consumer.FINISHED
        raise StopIteration

    def close(self):
        self.state = Consumer.FINISHED


def produce(c):
    c.send(None)
    n = 0
    while n < 5:
        n = n + 1
        print("[PRODUCER] Producing %s..." % n)
        r = c.send(n)
        print("[PRODUCER] Consumer return: %s" % r)
    c.close()


produce(Consumer())
