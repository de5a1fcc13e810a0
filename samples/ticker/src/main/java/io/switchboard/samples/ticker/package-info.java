/**
 * The ticker sample: {@link io.switchboard.samples.ticker.PriceTicker} pushes a
 * {@link io.switchboard.samples.ticker.Tick} ten times a second to every session of
 * {@link io.switchboard.samples.ticker.PricesEndpoint}, an endpoint that names nothing of Switchboard.
 */
package io.switchboard.samples.ticker;
