package org.example

import kotlinx.coroutines.*

/** A page of the site. */
data class Page(val title: String, val tags: List<String> = emptyList()) {
    val slug: String get() = title.lowercase().replace(Regex("[^a-z0-9]+"), "-")
}

sealed interface Result<out T> {
    data class Ok<T>(val value: T) : Result<T>
    object Failed : Result<Nothing>
}

suspend fun main() = coroutineScope {
    val pages = listOf(Page("Hello World"), Page("Second", listOf("a")))
    val job = launch { delay(10L); println("${pages.size} pages: ${pages.map { it.slug }}") }
    job.join()
    when (val r: Result<Int> = Result.Ok(42)) {
        is Result.Ok -> println(r.value * 2)
        Result.Failed -> println('x')
    }
}
