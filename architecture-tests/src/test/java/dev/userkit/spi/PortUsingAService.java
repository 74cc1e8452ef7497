package dev.userkit.spi;

import dev.userkit.sessions.Sessions;

/** Deliberately breaks {@code PORTS_KNOW_NO_SERVICES}: a port that knows a service. */
public interface PortUsingAService {
    Sessions sessions();
}
