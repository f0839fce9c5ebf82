"""Paced writer for Benchmarks/events: PUTs alternating global compatibility levels at RATE
writes/s for SECONDS over a few keep-alive connections, and prints how many were acknowledged."""

import http.client
import sys
import threading
import time

host, port, token, rate, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
connections = 8
done = [0] * connections


def writer(index):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    interval = connections / rate
    start = time.time() + index * interval / connections
    count = 0
    while True:
        due = start + count * interval
        if due - start > seconds:
            break
        pause = due - time.time()
        if pause > 0:
            time.sleep(pause)
        level = "FULL" if (count + index) % 2 == 0 else "BACKWARD"
        connection.request("PUT", "/apis/ccompat/v7/config", body='{"compatibility": "%s"}' % level,
                           headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        done[index] += response.status == 200
        count += 1


threads = [threading.Thread(target=writer, args=(index,)) for index in range(connections)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(sum(done))
