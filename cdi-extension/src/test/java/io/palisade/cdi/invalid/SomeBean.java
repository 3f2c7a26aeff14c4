package io.palisade.cdi.invalid;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SomeBean {
}
