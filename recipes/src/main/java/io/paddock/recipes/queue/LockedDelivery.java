package io.paddock.recipes.queue;

import io.paddock.client.PaddockException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A delivery under the item's lock; its outcomes are the consumer loop's fenced writes. */
final class LockedDelivery<T> implements Delivery<T> {
  /** A fenced write; false if the item was redelivered elsewhere. */
  @FunctionalInterface
  interface Outcome {
    boolean apply() throws PaddockException, InterruptedException;
  }

  private final T item;
  private final int deliveryCount;
  private final Outcome onAck;
  private final Outcome onNack;
  private final AtomicBoolean settled = new AtomicBoolean();

  LockedDelivery(T item, int deliveryCount, Outcome onAck, Outcome onNack) {
    this.item = item;
    this.deliveryCount = deliveryCount;
    this.onAck = onAck;
    this.onNack = onNack;
  }

  @Override
  public T item() {
    return item;
  }

  @Override
  public int deliveryCount() {
    return deliveryCount;
  }

  @Override
  public boolean ack() throws PaddockException, InterruptedException {
    settle();
    return onAck.apply();
  }

  @Override
  public boolean nack() throws PaddockException, InterruptedException {
    settle();
    return onNack.apply();
  }

  @Override
  public boolean isSettled() {
    return settled.get();
  }

  private void settle() {
    if (!settled.compareAndSet(false, true)) {
      throw new IllegalStateException("this delivery was settled already");
    }
  }
}
