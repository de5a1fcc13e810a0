/** What the server launchers share: waiting for a page, loopback ports, work directories, log tails. */
package io.switchboard.launch;
