package com.jakebuysit.application.port;

/**
 * Work started at once on this instance, outside the request (the first pipeline step must not
 * wait for the job queue's poll). Not durable: durable follow-up goes through {@link JobScheduler}.
 */
public interface BackgroundWork {

    void submit(Runnable work);
}
