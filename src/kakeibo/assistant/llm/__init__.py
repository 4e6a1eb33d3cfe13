"""The optional language model: a facade the assistant calls (`service.llm_for`), the gateway every call passes
through (caps, quotas, concurrency, de-duplication, cache, usage records) and the usage endpoint. Importing this
package is cheap; the `openai` client is loaded only when a model is configured."""
