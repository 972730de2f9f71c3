/**
 * Contract suites: every recipe, written once, run on every core (embedded standalone Paddock,
 * embedded 3-member Paddock ensemble, Apache ZooKeeper 3.9), with fault injection and clean-state
 * audits. Start at {@link io.paddock.contract.ContractTestBase}; its javadoc says how to add a
 * suite.
 */
package io.paddock.contract;
