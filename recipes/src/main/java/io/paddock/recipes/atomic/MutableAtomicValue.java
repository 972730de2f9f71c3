package io.paddock.recipes.atomic;

/** The atomic operations' result as they fill it in. */
final class MutableAtomicValue<T> implements AtomicValue<T> {
  private final AtomicStats stats = new AtomicStats();
  private boolean succeeded;
  private T preValue;
  private T postValue;

  MutableAtomicValue(T preValue, T postValue) {
    this.preValue = preValue;
    this.postValue = postValue;
  }

  void succeeded(boolean ok) {
    this.succeeded = ok;
  }

  void values(T pre, T post) {
    this.preValue = pre;
    this.postValue = post;
  }

  @Override
  public boolean succeeded() {
    return succeeded;
  }

  @Override
  public T preValue() {
    return preValue;
  }

  @Override
  public T postValue() {
    return postValue;
  }

  @Override
  public AtomicStats getStats() {
    return stats;
  }

  /** The same outcome with the values decoded ({@code f} sees null for a missing node). */
  <U> MutableAtomicValue<U> map(java.util.function.Function<T, U> f) {
    MutableAtomicValue<U> out = new MutableAtomicValue<>(f.apply(preValue), f.apply(postValue));
    out.succeeded = succeeded;
    out.stats.optimisticTime(stats.getOptimisticTimeMs());
    out.stats.promotedTime(stats.getPromotedTimeMs());
    for (int i = 0; i < stats.getOptimisticTries(); i++) {
      out.stats.optimisticTry();
    }
    for (int i = 0; i < stats.getPromotedLockTries(); i++) {
      out.stats.promotedTry();
    }
    return out;
  }

  @Override
  public String toString() {
    return "AtomicValue[succeeded=" + succeeded + ", pre=" + preValue + ", post=" + postValue + "]";
  }
}
