package dev.userkit.store.violating;

import dev.userkit.spi.UserStore;

/** Deliberately breaks {@code ADAPTERS_ARE_PACKAGE_PRIVATE}: a public port implementation. */
public abstract class PublicUserStore implements UserStore {
}
