package io.paddock.store.model;

/** The permission bits of an ACL entry ({@code ZooDefs.Perms}). */
public final class Perms {
  /** Read data, list children, exists. */
  public static final int READ = 1;

  /** Set data. */
  public static final int WRITE = 2;

  /** Create children. */
  public static final int CREATE = 4;

  /** Delete children. */
  public static final int DELETE = 8;

  /** Set the ACL. */
  public static final int ADMIN = 16;

  /** Every permission. */
  public static final int ALL = READ | WRITE | CREATE | DELETE | ADMIN;

  private Perms() {}

  /** True when {@code granted} holds every bit of {@code needed}. */
  public static boolean allows(int granted, int needed) {
    return (granted & needed) == needed;
  }
}
