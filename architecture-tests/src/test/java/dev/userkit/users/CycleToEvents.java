package dev.userkit.users;

import dev.userkit.events.CycleToUsers;

/** With {@link CycleToUsers}, deliberately breaks {@code CORE_AREAS_ARE_FREE_OF_CYCLES}. */
public class CycleToEvents {
    CycleToUsers other;
}
