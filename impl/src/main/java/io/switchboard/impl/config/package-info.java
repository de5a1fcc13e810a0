/** Switchboard's MicroProfile Config keys and their strict parsing. */
package io.switchboard.impl.config;
