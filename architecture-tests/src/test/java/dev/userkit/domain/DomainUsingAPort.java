package dev.userkit.domain;

import dev.userkit.spi.UserStore;

/** Deliberately breaks {@code DOMAIN_IS_PLAIN}: a value type that knows a port. */
public class DomainUsingAPort {
    UserStore users;
}
