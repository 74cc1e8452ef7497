package dev.userkit.recovery;

import dev.userkit.assembly.ServiceHelpers;

/**
 * Builds this area's service for the assembly ({@link dev.userkit.UserKit#builder()} and
 * {@link dev.userkit.UserKitModule}), the one way it is made. Applications never call it: its
 * argument comes from a package outside the API.
 */
public final class RecoveryFactory {
    private RecoveryFactory() {}

    /**
     * The recovery service over the shared helpers.
     *
     * @param helpers the helpers shared by the services of one {@link dev.userkit.UserKit}
     * @return a new recovery service
     */
    public static Recovery recovery(ServiceHelpers helpers) {
        return new Recovery(helpers);
    }
}
