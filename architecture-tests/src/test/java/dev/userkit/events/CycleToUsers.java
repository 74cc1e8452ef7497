package dev.userkit.events;

import dev.userkit.users.CycleToEvents;

/** With {@link CycleToEvents}, deliberately breaks {@code CORE_AREAS_ARE_FREE_OF_CYCLES}. */
public class CycleToUsers {
    CycleToEvents other;
}
