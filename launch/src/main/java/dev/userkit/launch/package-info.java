/**
 * What the server and the admin CLI share to reach one database (W5, W6): the launch settings
 * ({@link dev.userkit.launch.LaunchSettings}) and their flags ({@link dev.userkit.launch.LaunchOptions}),
 * the store opened from them with the embedded PostgreSQL in the data folder ({@link dev.userkit.launch.Launch}),
 * its schema ({@link dev.userkit.launch.SchemaTool}) and the key ring file ({@link dev.userkit.launch.KeyRingFile}).
 * This is a composition root: the one place beside the store modules' tests that opens a store by its module.
 */
package dev.userkit.launch;
