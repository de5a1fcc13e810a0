package io.switchboard.tck.conformance;

import jakarta.enterprise.context.ApplicationScoped;

/** A CDI bean injected into an endpoint. */
@ApplicationScoped
public class Greeter {

    public String greet(String name) {
        return "hello " + name;
    }
}
