/**
 * The demo: on a first start of the web server ({@code kaohe.demo.load-on-start=true}, set by
 * {@code KaoheApplication} alone), {@code DemoBootstrap} publishes {@code rules/}, imports the demo
 * quarters and year in {@code data/} and evaluates them, through the modules' own services (imports,
 * rules, evaluation, annual), so every step is audited as a user's would be. Nothing depends on it.
 */
package org.kaohe.demo;
