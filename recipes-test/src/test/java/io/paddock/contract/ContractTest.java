package io.paddock.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A contract test: runs once per selected core ({@link CoreKind#selected()}). The method takes the
 * {@link CoreKind} as its only parameter; {@link ContractTestBase} has made that core current
 * before the body runs.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "on {0}")
@MethodSource("io.paddock.contract.CoreKind#selected")
public @interface ContractTest {}
