package io.paddock.contract;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Makes the {@link CoreKind} argument of a {@link ContractTest} invocation the current core of its
 * {@link ContractTestBase} right before the test body runs (after the {@code @BeforeEach} methods).
 */
final class CoreSelection implements InvocationInterceptor {
  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    Object testInstance = extensionContext.getRequiredTestInstance();
    if (testInstance instanceof ContractTestBase base) {
      for (Object argument : invocationContext.getArguments()) {
        if (argument instanceof CoreKind kind) {
          base.activate(kind);
        }
      }
    }
    invocation.proceed();
  }
}
