public enum ImageInfo {}
