package com.jakebuysit.adapters.in.jobs;

import com.jakebuysit.application.port.BackgroundWork;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool that starts pipeline work at once on this instance. When the queue is full the
 * work is dropped with a warning: the durable job picks the offer up, a little later.
 */
public final class ThreadPoolBackgroundWork implements BackgroundWork, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolBackgroundWork.class);

    private final ExecutorService executor;

    public ThreadPoolBackgroundWork(int threads, int queueCapacity) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, "pipeline-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, (runnable, pool) -> LOG.warn("pipeline pool full; the scheduled job will run this offer"));
    }

    @Override
    public void submit(Runnable work) {
        executor.execute(work);
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
