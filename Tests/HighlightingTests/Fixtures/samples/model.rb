# A post, with its tags.
require 'json'

module Blog
  class Post < Struct.new(:title, :tags)
    attr_reader :slug
    DEFAULT = { draft: false }.freeze

    def initialize(title, tags = [])
      super
      @slug = title.downcase.gsub(/[^a-z0-9]+/, '-')
    end

    def to_s = "#{title} (#{tags.join(', ')})"

    def self.load(path)
      JSON.parse(File.read(path)).map { |h| new(h['title'], h.fetch('tags', [])) }
    rescue Errno::ENOENT => e
      warn e.message
      []
    end
  end
end
puts Blog::Post.new("Hello World", %w[a b]).slug unless $DEBUG
