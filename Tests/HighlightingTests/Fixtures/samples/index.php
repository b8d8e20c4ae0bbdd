<?php
declare(strict_types=1);

namespace App;

/** Lists the posts. */
final class Posts
{
    public function __construct(private array $posts = []) {}

    public function titles(): array
    {
        return array_map(fn($p) => $p['title'] ?? "untitled", $this->posts);
    }
}

$posts = new Posts([['title' => 'Hello'], ['title' => null]]);
echo implode(", ", $posts->titles()) . "\n";
?>
<p>Done at <?= date('H:i') ?></p>
