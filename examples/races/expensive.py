"""The seed notebook's expensive_vec, and the backends that race it.

Every backend does the same job: split the input into `workers` chunks, run
expensive_vec on each, and concatenate. (expensive_vec has cumulative sums,
so chunked results differ from the unsplit one, as in the notebook's own
chunks; the work per element is the same.) Pools and clusters are built
once, outside any timing, and reused; what is timed is one call: splitting,
shipping the chunks to the workers (pickled, for processes and dask),
computing, shipping the results back, and concatenating.
"""
import concurrent.futures
import multiprocessing
import os

import numpy as np


def expensive_vec(array):
    return np.log10(np.cumsum(np.sqrt(np.cumsum(np.exp2(np.log(np.sqrt(array)))
                                                + np.exp(np.log10(np.cbrt(array))))))
                    / np.exp(np.log10(np.cbrt(array))))


def cores():
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def data(n):
    return np.random.default_rng(n).random(n) * 1e6


def numpy_alone(x):
    return expensive_vec(x)


_threads, _processes, _clients = {}, {}, {}


def threads(workers):
    if workers not in _threads:
        _threads[workers] = concurrent.futures.ThreadPoolExecutor(workers)
    return _threads[workers]


def processes(workers):
    if workers not in _processes:
        # fork: the workers start with this module (and NumPy) imported.
        context = multiprocessing.get_context("fork")
        pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=context)
        # Start every worker now, outside any timing.
        list(pool.map(expensive_vec, [np.ones(4)] * (2 * workers)))
        _processes[workers] = pool
    return _processes[workers]


def dask_client(workers):
    if workers not in _clients:
        from dask.distributed import Client, LocalCluster
        # Workers import this module by name: give them its folder. (Not
        # client.upload_file: the scheduler runs in this process and would
        # reload the module, emptying these caches.)
        here = os.path.dirname(os.path.abspath(__file__))
        os.environ["PYTHONPATH"] = os.pathsep.join(
            p for p in (here, os.environ.get("PYTHONPATH")) if p)
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=50)
        client = Client(cluster)
        client.gather(client.map(expensive_vec, [np.ones(4)] * (2 * workers), pure=False))
        _clients[workers] = client
    return _clients[workers]


def on_pool(pool, x, workers):
    return np.concatenate(list(pool.map(expensive_vec, np.array_split(x, workers))))


def on_dask(client, x, workers):
    # pure=False: fresh task keys every call, so nothing is served from a
    # previous call's results.
    futures = client.map(expensive_vec, np.array_split(x, workers), pure=False)
    return np.concatenate(client.gather(futures))
