package io.paddock.bench.compare;

/**
 * One row group of the table: a load ({@link Kind#LOAD}) or lock hand-off ({@link Kind#LOCK})
 * workload on one topology, with what the generator does.
 *
 * @param id the name {@code --workloads} selects it by
 * @param title what the table calls it
 * @param topology standalone or ensemble
 * @param kind load generator or lock contenders
 * @param load sessions (or contenders), outstanding, mix, value size, key space and times; a {@link
 *     Kind#LOCK} workload reads only the sessions (its contenders) and the times
 */
public record Workload(String id, String title, Topology topology, Kind kind, LoadSpec load) {
  /** What drives the servers. */
  public enum Kind {
    /** The async load generator. */
    LOAD,
    /** Lock contenders, one session each ({@code load.sessions()} of them). */
    LOCK
  }

  /** The row label: title and topology. */
  public String label() {
    return title + " (" + topology.label() + ")";
  }
}
