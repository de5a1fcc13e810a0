package io.switchboard.tck.conformance;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Marks a String result as intercepted. */
@Logged
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class LoggedInterceptor {

    @AroundInvoke
    public Object around(InvocationContext context) throws Exception {
        Object result = context.proceed();
        return result instanceof String text ? "[logged]" + text : result;
    }
}
