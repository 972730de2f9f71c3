package io.paddock.examples.demo;

/** A work queue: the operator produces jobs, two apps consume them, each exactly once in effect. */
final class QueueChapter implements TourChapter {
  static final String QUEUE_PATH = "/demo/queue";
  static final String LOCK_PATH = "/demo/queue-locks";
  static final int JOBS = 12;

  private static final long WORK_MS = 20;

  @Override
  public String title() {
    return "Queue";
  }

  @Override
  public String shows() {
    return "The operator puts "
        + JOBS
        + " jobs on a DistributedQueue; app-1 and app-3 consume them.\n"
        + "Delivery is at-least-once with acknowledgement: a job is deleted only once processed.";
  }

  @Override
  public void play(TourStage stage, Narrator narrator) throws Exception {
    try (JobQueue queue = new JobQueue(QUEUE_PATH, LOCK_PATH, WORK_MS)) {
      queue.startProducer(stage.operator());
      queue.startConsumer(stage.app(1), TourStage.appName(1));
      queue.startConsumer(stage.app(3), TourStage.appName(3));
      queue.produce("job", JOBS);
      narrator.happened("the operator puts %d jobs in one transaction", JOBS);
      if (!queue.awaitProcessed(JOBS)) {
        throw new TourCheckFailed(
            JOBS + " jobs processed (only " + queue.processedCount() + " were)");
      }
      narrator.happened("processed: %s", queue.processedByConsumer());
      narrator.check(queue.processedExactlyTheProduced(), "every job was processed");
      narrator.check(queue.awaitEmpty(), "every job was acknowledged: the queue is empty");
    }
  }
}
